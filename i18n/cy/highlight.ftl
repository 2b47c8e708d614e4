# Yr Adroddiad Uchafbwyntiau (plan report): ei adrannau, ei ffeithiau a’i frawddegau.
# "Adroddiad Uchafbwyntiau": TermCymru's "highlight report".

## Y teitl a’r llinellau agoriadol.
# "<teitl y cynllun>: Adroddiad Uchafbwyntiau, <chwarter>"
report-title = : Adroddiad Uchafbwyntiau,{" "}
# "Ch3 2012-13": the quarter as Welsh councils' reports write it ("Ch4").
quarter-label = Ch{ $n } { $years }
# Dates in words, the Welsh way ("31 Mawrth 2013").
quarter-span = Y chwarter o { $from_words } i { $to_words }, fel yr oedd ar { $day_words }.
# Chosen without either source.
headline-figures = Ffigurau allweddol
fact-tasks = Tasgau
fact-on-track = Ar y trywydd iawn
fact-rated = Wedi’u hasesu
completed-this-quarter = Wedi’u cwblhau yn ystod y chwarter hwn
became-overdue-this-quarter = Wedi mynd yn hwyr yn ystod y chwarter hwn
fact-overdue-now = Yn hwyr nawr
fact-not-reviewed = Parhaus, heb eu hadolygu
fact-waiting = Yn aros am dasg arall neu am ddigwyddiad
heading-red = Coch
heading-amber = Ambr
heading-green = Gwyrdd
heading-blue = Glas
heading-not-rated = Heb eu hasesu
heading-total = Cyfanswm
recommendations-summary = Argymhellion: { $all } i gyd, { $accepted } wedi’u derbyn (neu’n rhannol), { $tracked } ohonynt â chamau gweithredu sy’n eu cyflawni.

## O ble y daeth statws RAG y chwarter blaenorol.
# "cofnod" for a git commit: chosen without either source.
history-commit = Statws RAG y chwarter blaenorol yw’r cynllun fel y’i cofnodwyd ar { $day } ({ $id }).
history-not-in-git = Dim hanes: nid yw’r cynllun mewn ystorfa git, felly nid yw statws RAG y chwarter blaenorol yn hysbys.
history-no-commit-before = Dim hanes: dim cofnod o’r cynllun cyn { $day }.
history-had-errors = Dim hanes: roedd { $errors ->
    [two] { $errors } wall
   *[other] { $errors } gwall
} yn y cynllun fel y’i cofnodwyd ar { $day } ({ $id }), felly ni chymherir statws RAG y chwarter blaenorol; mae `plan diff` ar y cofnod hwnnw’n dweud mwy.
history-no-git = Dim hanes: nid yw git wedi’i osod, felly nid yw statws RAG y chwarter blaenorol yn hysbys.
history-git-failed = Dim hanes: ni allai git ddarllen hanes y cynllun, felly nid yw statws RAG y chwarter blaenorol yn hysbys: { $said }

## Heb eu diweddaru yn ystod y chwarter hwn.
not-updated = Heb eu diweddaru yn ystod y chwarter hwn
heading-who = Pwy
heading-score = Sgôr
heading-days-since-update = Diwrnodau ers y diweddariad diwethaf
quiet-card = cerdyn { $who }
not-updated-none = Mae pob partner a cherdyn yn sgorio o leiaf { $threshold }.
score-means = Sgôr: cymedr cyfrannau’r tasgau agored sydd wedi’u hasesu, wedi’u hadolygu o fewn { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
} ac wedi cael nodyn cynnydd yn ystod y 3 mis diwethaf (0 i 100); rhestrir y rhai o dan { $threshold }.

## Rhan cerdyn sgorio.
fact-outcomes = Canlyniadau
fact-since-previous-quarter = Ers diwedd y chwarter blaenorol
fact-sponsor = Noddwr
fact-sponsors = Noddwyr ei flaenoriaethau a’i gamau gweithredu
# "heb newid", "wedi gwella", "wedi dirywio": the Welsh Government's trend words.
change-no-history = dim hanes
change-none = heb newid
change-better = wedi gwella ({ $was } cyn hynny)
change-worse = wedi dirywio ({ $was } cyn hynny)
change-was = { $was } cyn hynny
heading-task = Tasg
heading-what = Beth
heading-leads = Arweinwyr
heading-done = Wedi’i gwblhau
heading-days-overdue = Diwrnodau’n hwyr
# Chosen without either source.
heading-rated-yet-overdue = Statws da, ond yn hwyr
heading-rag = RAG
heading-note = Nodyn
completed-none = Ni chwblhawyd unrhyw dasg yn ystod y chwarter hwn.
became-overdue-none = Nid aeth unrhyw dasg yn hwyr yn ystod y chwarter hwn.
still-overdue = Yn dal yn hwyr o chwarteri cynharach
still-overdue-none = Does dim tasg yn hwyr o chwarter cynharach.
rated-but-overdue-heading = Ar y trywydd iawn yn ôl eu statws, ond yn hwyr
red-and-amber = Tasgau coch ac ambr
red-and-amber-none = Does dim tasg yn goch nac yn ambr.
# "wedi llithro 61 diwrnod (2 ddiwygiad)"
slipped = wedi llithro { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
}{ $revisions ->
    [0] {""}
    [two] {" "}({ $revisions } ddiwygiad)
   *[other] {" "}({ $revisions } diwygiad)
}
on-hold = Wedi’u gohirio
heading-reason = Rheswm
heading-on-hold-since = Wedi’i ohirio ers
heading-days = Diwrnodau
dropped = Wedi’u tynnu’n ôl neu wedi’u trosglwyddo
heading-status = Statws
heading-since = Ers
heading-carried-to = Wedi’i drosglwyddo i
status-active = gweithredol
status-on-hold = wedi’i ohirio
status-withdrawn = wedi’i dynnu’n ôl
status-carried-forward = wedi’i drosglwyddo

## Troi’r gromlin: siart mesur a’i linell o destun.
# "Troi’r gromlin": Results-Based Accountability's "turning the curve", as Welsh public bodies write it.
turning-the-curve = Troi’r gromlin
higher-is-better = uwch sy’n well
lower-is-better = is sy’n well
no-values-yet = dim gwerthoedd wedi’u cofnodi eto
no-values-recorded = Dim gwerthoedd wedi’u cofnodi eto
chart-target = targed
measure-target = ; targed { $value } erbyn { $period }

## Argymhellion.
part-recommendations = Argymhellion
heading-id = Cyf.
heading-recommendation = Argymhelliad
heading-response = Ymateb
heading-tasks = Tasgau
heading-overdue = Yn hwyr
no-recommendation = Nid yw’r cynllun yn cofnodi unrhyw argymhelliad.

## Troedyn y ddogfen Word: "Tudalen 3 o 12".
footer-page = Tudalen
footer-of = o
