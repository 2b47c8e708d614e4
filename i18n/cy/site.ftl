# Gwefan y cerdyn sgorio cyhoeddus (`plan site`): ei llywio, ei phenawdau,
# ei thablau, ei ffeithiau a’i brawddegau. Ni fydd id neges byth yn newid.
# Daw testunau’r cynllun (teitl cerdyn, enw asiantaeth) i mewn fel newidynnau.

## Cragen pob tudalen.
site-skip = Neidio i’r cynnwys
# "Gwefan": TermCymru's "website".
site-nav-label = Gwefan
site-languages-label = Y dudalen hon mewn ieithoedd eraill
# Ar ôl testun o’r cynllun a ddangosir yn yr iaith y’i hysgrifennwyd ynddi,
# am nad oes cyfieithiad ohono.
site-only-cy = (Cymraeg yn unig)
site-only-en = (Saesneg yn unig)

## Y llywio.
# "cerdyn sgorio", as the scorecard reports read use it.
site-nav-scorecard = Cerdyn sgorio
# "asiantaeth" (agency): TermCymru.
site-nav-agencies = Asiantaethau
site-nav-recommendations = Argymhellion
site-nav-measures = Mesurau
site-nav-tasks-csv = Tasgau (CSV)
# "dyddiad targed", as the reports read use it; "calendr": TermCymru.
site-nav-calendar = Dyddiadau targed (calendr)

## Y troedyn.
site-footer = Fel ar { $day }; { $built }. Gwnaed gyda plan { $version }.
# "cymit" (commit): chosen without either source, as Welsh software
# localisations write it.
site-built-from = wedi’i chreu o gymit { $id } ystorfa’r cynllun
site-built-from-uncommitted = wedi’i chreu o gymit { $id } ystorfa’r cynllun, gyda newidiadau heb eu cymitio
site-built-not-in-git = wedi’i chreu o gynllun nad yw mewn git

## Rhes tasg.
site-due-not-set = heb ei osod
# "parhaus" (ongoing), as the issue and the date grammar read it.
site-deadline-ongoing = dim: parhaus
site-deadline-after = pan fydd { $task } wedi’i chwblhau
site-deadline-none = dim
# No noun for "overdue" was found in the reports read ("gorddyledus" has no
# use there): "yn hwyr" (late), chosen without either source.
site-overdue-by = yn hwyr o { $days ->
    [one] { $days } diwrnod
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
}
site-stale-reviewed = heb ei adolygu: adolygwyd ddiwethaf { $day }
site-stale-never = heb ei adolygu: erioed wedi’i adolygu
site-done-on = wedi’i gwblhau { $day }
site-reviewed-on = adolygwyd { $day }
site-no-update = dim wedi’i gofnodi
site-all-partners = pob partner
site-rated = ({ $rated } o { $total ->
    [one] { $total } dasg
    [two] { $total } dasg
   *[other] { $total } tasg
} â statws)
site-column-task = Tasg
site-column-what = Beth
site-column-leads = Arweinwyr
site-column-role = Rôl
# "Erbyn pryd" (by when), as Welsh timetables head this column.
site-column-target = Erbyn pryd (fel y’i hysgrifennwyd)
# "dyddiad targed", as the reports read use it.
site-column-deadline = Dyddiad targed (fel y’i darllenwyd)
site-column-state = Cyflwr
site-column-rag = RAG
site-column-last-update = Diweddariad diwethaf

## Cromlin mesur.
site-no-figures = Dim ffigurau wedi’u cofnodi eto.
site-curve-caption = { $title } ({ $unit })
site-describe-latest = y gwerth diweddaraf { $value }{ $unit } ({ $period })
site-describe-none = dim gwerthoedd wedi’u cofnodi eto
site-describe-target = ; targed { $value }{ $unit } erbyn { $period }
site-describe-better = ; { $better }
site-values-caption = Gwerthoedd { $title }
site-values-target = Targed ar gyfer { $period }
site-column-period = Cyfnod
site-column-value = Gwerth
site-column-note = Nodyn
site-no-values = Dim gwerthoedd wedi’u cofnodi eto.

## Y dudalen flaen.
# "Cynllun Gweithredu", as the reports read use it.
site-about-owner = Cynllun gweithredu { $owner }
site-about = Y cynllun gweithredu
site-about-titled = { $about } { $title }
site-intro = { $about }, o { $start } i { $end }, fel y mae ar { $day }.
site-report-cards = Cardiau adroddiad
site-headline = Y prif ffigurau
site-fact-tasks = Tasgau
site-fact-rated = Â statws
# "ar y trywydd iawn", as the reports read use it.
site-fact-on-track = Ar y trywydd iawn (o’r rhai â statws)
site-fact-overdue-now = Yn hwyr nawr
site-fact-stale = Parhaus, heb eu hadolygu
site-fact-waiting = Yn aros am dasg arall neu ddigwyddiad
site-fact-completed = Wedi’u cwblhau y chwarter hwn
site-fact-became-overdue = Wedi mynd yn hwyr y chwarter hwn
site-quarter = Y chwarter hwn yw { $quarter }. Argymhellion: { $recommendations } i gyd, { $accepted } wedi’u derbyn (neu’n rhannol), { $tracked } ohonynt â chamau gweithredu sy’n eu cyflawni.
site-rag-caption = Tasgau yn ôl statws RAG (glas yw wedi’i gwblhau)
site-column-tasks = Tasgau
site-all-tasks = Pob tasg
site-fact-rag = RAG
site-fact-overdue = Yn hwyr
site-outcomes-colon = Canlyniadau:
site-every-page = Pob tudalen
site-measures = Mesurau
site-agencies = Asiantaethau
site-every-agency = Pob asiantaeth, gyda’i thasgau
site-recommendations = Argymhellion
site-every-recommendation = Argymhellion y craffu, ymatebion y Cabinet a’u cynnydd
site-downloads = Lawrlwythiadau
site-download-tasks = tasks.csv: pob tasg gyda phob maes, ar gyfer taenlen
site-download-calendar = plan.ics: dyddiadau targed y tasgau agored, ar gyfer calendr

## Tudalen cerdyn adroddiad.
site-fact-area = Ardal
# "Troi’r gromlin" (turning the curve): chosen without either source.
site-turning-the-curve = Troi’r gromlin
site-no-measure = Dim mesur { $id } yn y cynllun.
site-priorities = Blaenoriaethau, camau gweithredu a thasgau
site-we-will = { $id } Byddwn yn: { $title }
site-outcomes = Canlyniadau
site-main-actions = Prif gamau gweithredu
site-story = Y stori y tu ôl i’r gromlin
site-challenges = Heriau
site-action-caption = Tasgau cam gweithredu { $id }, y rhai hwyr yn gyntaf
site-action-no-tasks = Does gan y cam gweithredu hwn ddim tasgau.

## Yr asiantaethau.
site-agencies-about = Pob asiantaeth yn y cynllun, gyda’r tasgau y mae’n eu harwain neu’n eu cyd-arwain (mae tasgau ei rhannau’n cyfrif iddi hefyd, ac mae rhai sefydliad yn cynnwys y rhai a arweinir gan bob partner).
site-agencies-caption = Asiantaethau a’u tasgau
site-column-agency = Asiantaeth
site-column-name = Enw
site-column-kind = Math
site-column-part-of = Rhan o
site-column-overdue = Yn hwyr
site-column-rated = Â statws
site-no-agencies = Nid yw’r cynllun yn enwi asiantaeth.
site-fact-kind = Math
site-fact-part-of = Rhan o
site-fact-parts = Ei rhannau
site-fact-aliases = Enwau eraill
site-leads-none = Nid yw’n arwain unrhyw dasg yn y cynllun.
site-agency-caption = Tasgau { $card } sy’n cyfrif i { $agency }, y rhai hwyr yn gyntaf
# "arweinydd" and "cyd-arweinydd": TermCymru's "lead" and "co-lead".
site-role-lead = arweinydd
site-role-co-lead = cyd-arweinydd
site-role-lead-through = arweinydd drwy
site-role-co-lead-through = cyd-arweinydd drwy
site-role-all = pob partner yn ei harwain

## Y mesurau.
site-measures-about = Y cromliniau y mae’r cynllun yn bwriadu eu troi: gwerth diweddaraf a tharged pob mesur.
site-measures-caption = Pob mesur
site-column-measure = Mesur
site-column-latest = Diweddaraf
site-column-target-value = Targed
site-column-better = Gwell
site-column-report-cards = Cardiau adroddiad
site-no-measures = Does gan y cynllun ddim mesurau.
site-fact-better = Pa ffordd sydd well
site-fact-latest = Diweddaraf
site-fact-target = Targed
site-fact-unit = Uned
site-fact-change = Newid ers y cyfnod cynt
site-fact-report-cards = Cardiau adroddiad
site-change = { $change }: { $verdict }
# "wedi gwella" / "heb newid" / "wedi dirywio", as the reports read use them.
site-change-better = wedi gwella
site-change-none = heb newid
site-change-worse = wedi dirywio
site-the-curve = Y gromlin
site-latest = { $value } ({ $period })
site-latest-none = dim gwerthoedd wedi’u cofnodi eto
site-target = { $value } erbyn { $period }
site-target-none = dim wedi’i osod
site-cards-none = dim

## Yr argymhellion.
site-recommendations-title = Argymhellion ac ymatebion y Cabinet
site-recommendations-caption = Ymateb a chynnydd pob argymhelliad
site-column-recommendation = Argymhelliad
site-column-response = Ymateb
site-column-done = Wedi’u cwblhau
site-no-recommendations = Nid yw’r cynllun yn cofnodi argymhelliad.
site-fact-response = Ymateb
site-fact-owner = Perchennog
site-fact-progress = Cynnydd
site-progress = { $tasks ->
    [one] { $tasks } dasg
    [two] { $tasks } dasg
   *[other] { $tasks } tasg
}, { $done } wedi’u cwblhau, { $overdue } yn hwyr
site-the-response = Yr ymateb
site-delivered-by = Yn cael ei gyflawni gan
site-delivered-by-none = Nid oes cam gweithredu yn y cynllun yn ei gyflawni.
