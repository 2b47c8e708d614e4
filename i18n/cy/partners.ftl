# Cylch diweddaru’r partneriaid: y daflen ymateb y mae `plan requests` yn ei
# hysgrifennu (ei phenawdau, ei rhestr a’i gwiriadau) a’r neges gyda hi.
# `plan apply` reads these headings and "Dim newid" back, so a heading
# changed here is one `plan apply` looks for.

## Y daflen: ei thab, a phennawd pob colofn.
# TermCymru: return (a form sent back) = ffurflen.
partners-sheet-name = Ffurflen
# Chosen without either source: the id is written as it is in English.
partners-col-id = Id
partners-col-task = Tasg
# "Erbyn pryd" (by when), as the Welsh plans read write a target column.
partners-col-due = Erbyn pryd
# "dyddiad targed", as the Welsh reports read use it.
partners-col-deadline = Dyddiad targed
# Chosen without either source.
partners-col-state = Cyflwr
partners-col-rag = RAG presennol
partners-col-note = Nodyn diwethaf
partners-col-note-day = Dyddiad y nodyn
partners-col-new-rag = RAG newydd
partners-col-progress = Nodyn cynnydd
# Chosen without either source: "completed on".
partners-col-done-on = Cwblhawyd ar
# TermCymru: fingerprint = ôl bys.
partners-col-fingerprint = Ôl bys

## Rhestr RAG newydd: geiriau RAG (words.ftl), a hwn.
# Chosen without either source: "no change".
partners-no-change = Dim newid

## Y gwiriadau y mae Excel a LibreOffice yn eu gwneud.
partners-not-a-rag-title = Nid yw’n statws RAG
partners-not-a-rag = Dewiswch o’r rhestr: coch, ambr, gwyrdd, glas neu Dim newid.
partners-too-long-title = Rhy hir
partners-too-long = Mae nodyn cynnydd yn 2,000 o nodau ar y mwyaf.

## Priodweddau’r llyfr gwaith.
partners-workbook-subject = Cais am ddiweddariad gan { $agency } ({ $id })

## Testun o’r cynllun heb gyfieithiad i iaith y darllenydd, wedi’i nodi felly.
partners-only-cy = (Cymraeg yn unig)
partners-only-en = (Saesneg yn unig)

## Y neges.
partners-subject = { $plan }: eich diweddariad ar gyfer { $agency } erbyn { $reply_by }
partners-dear = Annwyl { $name },
# "tasg" is feminine: 1 dasg, 2 dasg (dwy dasg); "o dasgau" after a larger number.
partners-counts = Mae { $agency } yn arwain { $count ->
    [one] { $count } dasg agored
    [two] { $count } dasg agored
   *[other] { $count } o dasgau agored
} yn y cynllun “{ $plan }” (fel ar { $as_of }): { $overdue } yn hwyr, { $stale } heb eu hadolygu’n ddiweddar, { $soon } i’w cwblhau cyn bo hir.
partners-overdue = Yn hwyr
partners-not-reviewed = Heb eu hadolygu’n ddiweddar
partners-due-overdue = dyddiad targed { $deadline }, { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
} yn hwyr
partners-last-reviewed = adolygwyd ddiwethaf { $day }
partners-never-reviewed = heb ei hadolygu erioed
partners-open = ar y gweill
partners-last-note-on = nodyn diwethaf ({ $day }): { $note }
partners-last-note = nodyn diwethaf: { $note }
partners-no-note = dim nodyn eto
partners-what-to-do = Beth i’w wneud: agorwch y daflen sydd ynghlwm, { $sheet }. Ar gyfer pob tasg sydd wedi symud, dewiswch RAG newydd (coch, ambr, gwyrdd, neu las pan fydd wedi’i chwblhau), ysgrifennwch Nodyn cynnydd (beth ddigwyddodd, beth sydd nesaf; 2,000 o nodau ar y mwyaf) ac, wedi iddi gael ei chwblhau, y dyddiad yn Cwblhawyd ar. Ar gyfer tasg a adolygwyd gennych lle nad oes dim wedi symud, dewiswch Dim newid. Gadewch y colofnau eraill fel y maent. Cadwch y daflen a’i hanfon yn ôl erbyn { $reply_by }.
partners-thanks = Diolch,
