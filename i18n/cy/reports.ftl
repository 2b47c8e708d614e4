# Yr adroddiadau yn y derfynell: overdue, due, rag, agency, agencies,
# tasks, recs, measures a show. Eu colofnau, eu teitlau a’u brawddegau.

## "<teitl y cynllun>: <beth> ar <dyddiad>"
report-heading = { $plan }: { $what } ar { $day }
# "arweinydd": TermCymru's "lead" (of a body leading a task).
filter-lead = arweinydd: { $who }
# "cerdyn": as in "cerdyn sgorio" (scorecard) in the reports read.
filter-card = cerdyn: { $who }
filter-rag = RAG: { $who }
filter-state = cyflwr: { $who }

## Colofnau rhes tasg.
column-id = Cyf.
column-task = Tasg
column-leads = Arweinwyr
# "Erbyn pryd" (by when), as Welsh timetables head this column.
column-due = Erbyn pryd
# "dyddiad targed", as the reports read use it.
column-deadline = Dyddiad targed
column-state = Cyflwr
column-days-overdue = Diwrnodau’n hwyr
column-rag = RAG
column-last-note = Nodyn diwethaf
column-last-review = Adolygiad diwethaf
column-reason = Rheswm
column-on-hold-since = Wedi’i ohirio ers
# "gohiriedig" (postponed): chosen without either source.
column-days-on-hold = Diwrnodau’n ohiriedig
column-done = Wedi’i gwblhau
# "I’w adolygu" (to be reviewed), as the reports read use it.
column-review-due = I’w adolygu
column-days-left = Diwrnodau ar ôl

# "Rhag 2012 (Hyd 2012 i ddechrau; llithro 61 diwrnod)"
due-slipped = { $due } ({ $first } i ddechrau; wedi llithro { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
})

## plan overdue
overdue-what = tasgau sy’n hwyr
overdue-what-original = tasgau sy’n hwyr o’u cymharu â’u targedau gwreiddiol
overdue-title = Yn hwyr ({ $count })
overdue-none = Does dim tasg yn hwyr.
stale-title = Heb eu hadolygu: tasgau parhaus heb adolygiad ers dros { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
} ({ $count })
stale-none = Mae pob tasg barhaus wedi’i hadolygu.
waiting-title = Yn aros i dasg arall gael ei chwblhau neu i rywbeth ddigwydd ({ $count })
waiting-none = Does dim tasg yn aros.
never-reviewed = heb ei adolygu erioed
on-hold-title = Wedi’u gohirio ({ $count })
review-due-title = I’w hadolygu: wedi’u cwblhau, a’r dyddiad adolygu wedi pasio ({ $count })
state-review-due = i’w hadolygu
rated-but-overdue-note = Ar y trywydd iawn yn ôl eu statws, ond yn hwyr: { $tasks }.
rated-but-overdue-note-more = Ar y trywydd iawn yn ôl eu statws, ond yn hwyr: { $tasks }; a { $more ->
    [one] { $more } dasg arall
    [two] { $more } dasg arall
    [many] { $more } thasg arall
   *[other] { $more } tasg arall
} (mae `plan tasks --state overdue --rag green`, a `--rag amber`, yn eu rhestru).

## plan due
due-what = tasgau i’w cwblhau o fewn { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
} (erbyn { $day })
due-none = Does dim i’w gwblhau erbyn { $day }.

## plan tasks
tasks-none = Does dim tasg yn cyfateb.

## plan agencies
agencies-what = partneriaid
column-name = Enw
column-kind = Math
column-part-of = Rhan o
column-tasks = Tasgau
column-overdue = Yn hwyr
column-red = Coch
column-not-rated = Heb eu hasesu
column-rated = Wedi’u hasesu
column-reviewed = Wedi’u hadolygu
column-noted = Gyda nodyn
# "Diwrnodau’n dawel": days with no update; chosen without either source.
column-days-quiet = Diwrnodau’n dawel
column-score = Sgôr
agencies-none = Nid yw’r cynllun yn enwi unrhyw bartner.
agencies-note-parts = Mae tasgau partner yn cynnwys tasgau’r partneriaid sy’n rhan ohono; mae tasgau sefydliad yn cynnwys y rhai a arweinir gan "all" (pawb).
agencies-note-score = O’i dasgau agored: Wedi’u hasesu = y gyfran sydd â statws RAG, Wedi’u hadolygu = y gyfran a ddiweddarwyd o fewn review_days, Gyda nodyn = y gyfran sydd â nodyn cynnydd yn ystod y 3 mis diwethaf; Sgôr = cymedr y tri, 0-100.
kind-organisation = sefydliad
kind-team = tîm
kind-person = unigolyn
kind-role = rôl

## plan agency
agency-what = tasgau { $id } ({ $name })
agency-what-parts = {" "}a { $parts }
agency-counts = { $tasks ->
    [one] { $tasks } dasg
    [two] { $tasks } dasg
    [many] { $tasks } thasg
   *[other] { $tasks } tasg
}: { $overdue } yn hwyr, { $red } yn goch, { $unrated } heb eu hasesu.
agency-leads-none = Nid yw { $id } yn arwain unrhyw dasg.
agency-sponsor-of = { $id } yw noddwr: { $what }.

## plan rag
rag-by-card = RAG fesul cerdyn
rag-by-priority = RAG fesul blaenoriaeth
rag-by-agency = RAG fesul partner
column-amber = Ambr
column-green = Gwyrdd
column-blue = Glas
column-total = Cyfanswm
column-on-track = Ar y trywydd iawn
no-lead-yet = Dim arweinydd eto
rag-note-on-track = Ar y trywydd iawn = (gwyrdd + glas) / tasgau wedi’u hasesu; mae statws cyffredinol sy’n seiliedig ar lai na hanner ei dasgau yn dweud hynny.
rag-note-agency = Mae tasg yn cyfrif i bob un o’i harweinwyr, ac i’r partneriaid y maent yn rhan ohonynt, felly mae’r rhesi’n dod i fwy na’r cyfanswm.

## plan recs
recs-what = argymhellion
column-recommendation = Argymhelliad
column-response = Ymateb
column-owner = Perchennog
column-actions = Camau gweithredu
recs-none = Nid yw’r cynllun yn cofnodi unrhyw argymhelliad.
recs-counts = { $count } o argymhellion: { $counts }.

## plan measures
# "mesur": TermCymru's "measure" (performance measure).
measures-what = mesurau
column-measure = Mesur
column-better = Gwell
column-latest = Diweddaraf
column-value = Gwerth
column-change = Newid
column-better-way = Y ffordd well?
column-curve = Cromlin
column-target = Targed
column-cards = Cardiau
measures-none = Nid yw’r cynllun yn diffinio unrhyw fesur.
better-higher = uwch
better-lower = is
target-by = { $value } erbyn { $period }
measures-note = Newid yw’r gwerth diweddaraf llai’r un blaenorol; mae "Y ffordd well?" yn dweud a symudodd i’r cyfeiriad y mae’r mesur yn ei geisio.

## plan show
show-task = tasg
show-action = cam gweithredu
show-priority = blaenoriaeth
show-card = cerdyn sgorio
show-recommendation = argymhelliad
show-measure = mesur
show-agency = partner
column-field = Maes

## plan show: meysydd y peth a ddangosir.
field-action = Cam gweithredu
field-actions = Camau gweithredu
field-agency = Partner
field-aliases = Enwau eraill
field-area = Ardal
field-better = Gwell
field-cabinet-response = Ymateb y Cabinet
field-card = Cerdyn
field-cards = Cardiau
field-challenges = Heriau
field-days-overdue = Diwrnodau’n hwyr
field-deadline = Dyddiad targed
field-done = Wedi’i gwblhau
field-due = Erbyn pryd
field-kind = Math
field-last-review = Adolygiad diwethaf
field-lead-names = Enwau’r arweinwyr
field-leads = Arweinwyr
field-main-actions = Prif gamau gweithredu
field-measure = Mesur
field-measures = Mesurau
field-name = Enw
field-note = Nodyn
field-outcomes = Canlyniadau
field-owner = Perchennog
field-part-of = Rhan o
field-priority = Blaenoriaeth
field-rag = RAG
field-rated = Wedi’u hasesu
field-read-as = Wedi’i ddarllen fel
field-recommendation = Argymhelliad
field-ref = Cyf.
field-resources = Adnoddau
field-response = Ymateb
field-review-due = I’w adolygu
field-sponsor = Noddwr
field-sponsor-of = Noddwr
field-state = Cyflwr
field-status = Statws
# "Turning the curve" (Results-Based Accountability): "y stori y tu ôl i’r gromlin".
field-story-behind-the-curve = Y stori y tu ôl i’r gromlin
field-target = Targed
field-target-history = Hanes y targed
field-task = Tasg
field-tasks = Tasgau
field-text = Testun
field-title = Teitl
field-unit = Uned
field-updates = Diweddariadau
field-values = Gwerthoedd
field-we-will = Byddwn yn
lead-unassigned = { $word } (dim arweinydd eto)
lead-all = pob sefydliad partner

## plan show: sut y darllenwyd dyddiad targed.
read-not-yet-known = heb ei wybod eto
read-unset = dim dyddiad targed eto
read-ongoing = parhaus: byth yn hwyr, ond wedi’i nodi os nad yw wedi’i adolygu mewn pryd
read-ongoing-from = parhaus o { $from }
read-due-by = erbyn { $to }
read-span-due-by = { $from } i { $to }: erbyn { $to }
read-due-by-then-ongoing = erbyn { $to }, yna’n barhaus
read-recurring = yn ailadrodd; y tro a farnwyd: { $day }
read-after-task = { $span } ar ôl cwblhau { $first }: erbyn { $day }
read-after-event = { $span } ar ôl y digwyddiad { $event } ({ $title }): erbyn { $day }
read-after-event-undated = { $span } ar ôl y digwyddiad { $event } ({ $title }), sydd heb ddyddiad eto

## plan show: hanes tasg.
status-line-on-hold = wedi’i ohirio
status-line-withdrawn = wedi’i dynnu’n ôl
status-line-carried-forward = wedi’i drosglwyddo
status-line-since = {" "}ers { $day }
status-line-to = {" "}(i { $to })
target-first-due = y targed cyntaf oedd { $first }
target-revised = ; wedi’i ddiwygio { $times ->
    [one] unwaith
    [two] ddwywaith
   *[other] { $times } gwaith
}
target-slipped = ; wedi llithro { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
}
update-undated = heb ddyddiad
# "cywiriad" (correction), TermCymru.
update-kind-correction = cywiriad
