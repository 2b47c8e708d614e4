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
column-days-on-hold = Diwrnodau wedi’i ohirio
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
stale-title = Heb eu hadolygu: tasgau parhaus heb eu hadolygu ers dros { $days ->
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
} ({ $count })
stale-none = Mae pob tasg barhaus wedi’i hadolygu.
waiting-title = Yn aros i dasg arall gael ei chwblhau neu i rywbeth ddigwydd ({ $count })
waiting-none = Does dim tasg yn aros.
never-reviewed = heb ei hadolygu erioed
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
