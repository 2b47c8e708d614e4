# Geiriau sefydlog y cynllun yn yr adroddiadau: statws RAG, cyflwr tasg,
# ymatebion i argymhellion, rhifau a'r misoedd.
# Ni fydd id neges byth yn newid; gall ei thestun newid.
# Where a term follows neither TermCymru nor the words of Welsh public
# bodies' own performance reports (shared/realworld/welsh.md), a comment
# says so.

## Statws RAG (Coch, Ambr, Gwyrdd, Glas), as Welsh councils' reports write them.
rag-red = coch
rag-amber = ambr
rag-green = gwyrdd
rag-blue = glas
# "heb ei asesu": the Welsh Government's word for a measure not assessed.
not-rated = heb ei asesu

## Cyflwr tasg ar y dyddiad.
# A state word stands alone in a status column, and agrees with "statws"
# (masculine), as Welsh councils' status columns write "wedi’i gwblhau".
# No single Welsh noun for "overdue" in the reports read ("gorddyledus" is
# for debts); "yn hwyr" (late) is chosen without either source.
state-overdue = yn hwyr
# Chosen without either source: a task not reviewed for too long.
state-stale = heb ei adolygu
# Chosen without either source.
state-waiting = yn aros
# "ar y gweill" (in progress), as the reports read use it.
state-open = ar y gweill
# "wedi’i gwblhau", as the reports read use it of an action.
state-done = wedi’i gwblhau
# TermCymru: on hold = wedi’i ohirio.
state-on-hold = wedi’i ohirio

## Ymateb i argymhelliad (argymhelliad: masculine, so "wedi’i dderbyn").
response-accepted = wedi’i dderbyn
response-partially-accepted = wedi’i dderbyn yn rhannol
response-not-accepted = heb ei dderbyn
response-noted = wedi’i nodi
response-cell-accepted = wedi’i dderbyn
response-cell-partially-accepted = wedi’i dderbyn yn rhannol
response-cell-not-accepted = heb ei dderbyn
response-cell-noted = wedi’i nodi

## Ie a na, fel ateb mewn tabl ("A yw’n mynd y ffordd well?": ydy / nac ydy).
answer-yes = ydy
answer-no = nac ydy

## Rhifau. After "dau" a noun takes the soft mutation (2 ddiwrnod);
## "tasg" is feminine: 1 dasg, 2 dasg, 3 tasg, 6 thasg.
count-tasks = { $count ->
    [one] { $count } dasg
    [two] { $count } dasg
    [many] { $count } thasg
   *[other] { $count } tasg
}

## Statws cyffredinol sy’n seiliedig ar lai na hanner y tasgau.
rollup-thin = { $rag } ({ $rated } o { $total } wedi’u hasesu)
# Faint o’r tasgau sydd wedi’u hasesu: "17 o 19 tasg wedi’u hasesu".
rated-basis = { $rated } o { $total ->
    [one] { $total } dasg
    [two] { $total } dasg
    [many] { $total } thasg
   *[other] { $total } tasg
} wedi’u hasesu
# "gwyrdd, ond 61 diwrnod yn hwyr"
rated-but-overdue = { $rag }, ond { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
} yn hwyr

## Dyddiad mewn geiriau: "31 Mawrth 2013".
day-in-words = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## Ar ôl testun o’r cynllun heb gyfieithiad i iaith yr adroddiad, a
## ddangosir fel y’i hysgrifennwyd yn iaith gyntaf y cynllun.
# "yn Saesneg yn unig": as Welsh public bodies mark a page they have only in English.
only-in-cy = (yn Gymraeg yn unig)
only-in-en = (yn Saesneg yn unig)
