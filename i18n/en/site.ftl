# The public scorecard site (`plan site`): its navigation, headings,
# tables, facts and sentences. A message's id never changes; its text may.
# Quoted plan texts (a card's title, an agency's name) come in as variables.

## The shell of every page.
site-skip = Skip to the content
site-nav-label = Site
site-languages-label = This page in other languages
# After a plan text shown in the language it was written in, because no
# translation of it was written.
site-only-cy = (Welsh only)
site-only-en = (English only)

## The navigation.
site-nav-scorecard = Scorecard
site-nav-agencies = Agencies
site-nav-recommendations = Recommendations
site-nav-measures = Measures
site-nav-tasks-csv = Tasks (CSV)
site-nav-calendar = Deadlines (calendar)

## The footer.
site-footer = As of { $day }; { $built }. Made with plan { $version }.
site-built-from = built from commit { $id } of the plan's repository
site-built-from-uncommitted = built from commit { $id } of the plan's repository, with uncommitted changes
site-built-not-in-git = built from a plan not in git

## A task's row.
site-due-not-set = not set
site-deadline-ongoing = none: ongoing
site-deadline-after = when { $task } is done
site-deadline-none = none
site-overdue-by = overdue by { $days ->
    [one] { $days } day
   *[other] { $days } days
}
site-stale-reviewed = stale: last reviewed { $day }
site-stale-never = stale: never reviewed
site-done-on = done { $day }
site-reviewed-on = reviewed { $day }
site-no-update = none recorded
site-all-partners = all partners
site-rated = ({ $rated } of { $total ->
    [one] { $total } task
   *[other] { $total } tasks
} rated)
site-column-task = Task
site-column-what = What
site-column-leads = Leads
site-column-role = Role
site-column-target = Target (as written)
site-column-deadline = Deadline (as read)
site-column-state = State
site-column-rag = RAG
site-column-last-update = Last update

## A measure's curve.
site-no-figures = No figures recorded yet.
site-curve-caption = { $title } ({ $unit })
site-describe-latest = latest value { $value }{ $unit } ({ $period })
site-describe-none = no values recorded yet
site-describe-target = ; target { $value }{ $unit } by { $period }
site-describe-better = ; { $better }
site-values-caption = Values of { $title }
site-values-target = Target for { $period }
site-column-period = Period
site-column-value = Value
site-column-note = Note
site-no-values = No values recorded yet.

## The front page.
site-about-owner = { $owner }'s action plan
site-about = The action plan
site-about-titled = { $about } { $title }
site-intro = { $about }, from { $start } to { $end }, as it stands on { $day }.
site-report-cards = Report cards
site-headline = Headline figures
site-fact-tasks = Tasks
site-fact-rated = Rated
site-fact-on-track = On track (of those rated)
site-fact-overdue-now = Overdue now
site-fact-stale = Ongoing, not reviewed
site-fact-waiting = Waiting for another task or an event
site-fact-completed = Completed this quarter
site-fact-became-overdue = Became overdue this quarter
site-quarter = This quarter is { $quarter }. Recommendations: { $recommendations } in all, { $accepted } accepted (or partially), { $tracked } of them with actions that deliver them.
site-rag-caption = Tasks by RAG status (blue is complete)
site-column-tasks = Tasks
site-all-tasks = All tasks
site-fact-rag = RAG
site-fact-overdue = Overdue
site-outcomes-colon = Outcomes:
site-every-page = Every page
site-measures = Measures
site-agencies = Agencies
site-every-agency = Every agency, with its tasks
site-recommendations = Recommendations
site-every-recommendation = The scrutiny recommendations, the Cabinet's responses and their progress
site-downloads = Downloads
site-download-tasks = tasks.csv: every task with every field, for a spreadsheet
site-download-calendar = plan.ics: the open tasks' deadlines, for a calendar

## A report card's page.
site-fact-area = Area
site-turning-the-curve = Turning the curve
site-no-measure = No measure { $id } in the plan.
site-priorities = Priorities, actions and tasks
site-we-will = { $id } We will: { $title }
site-outcomes = Outcomes
site-main-actions = Main actions
site-story = The story behind the curve
site-challenges = Challenges
site-action-caption = Tasks of action { $id }, overdue first
site-action-no-tasks = This action has no tasks.

## The agencies.
site-agencies-about = Every agency of the plan, with the tasks it leads or co-leads (its parts' tasks count for it too, and an organisation's include those led by all partners).
site-agencies-caption = Agencies and their tasks
site-column-agency = Agency
site-column-name = Name
site-column-kind = Kind
site-column-part-of = Part of
site-column-overdue = Overdue
site-column-rated = Rated
site-no-agencies = The plan names no agency.
site-fact-kind = Kind
site-fact-part-of = Part of
site-fact-parts = Its parts
site-fact-aliases = Also called
site-leads-none = It leads no task of the plan.
site-agency-caption = Tasks of { $card } that count for { $agency }, overdue first
site-role-lead = lead
site-role-co-lead = co-lead
site-role-lead-through = lead through
site-role-co-lead-through = co-lead through
site-role-all = all partners lead it

## The measures.
site-measures-about = The curves the plan sets out to turn: each measure's latest value and target.
site-measures-caption = Every measure
site-column-measure = Measure
site-column-latest = Latest
site-column-target-value = Target
site-column-better = Better
site-column-report-cards = Report cards
site-no-measures = The plan has no measures.
site-fact-better = Which way is better
site-fact-latest = Latest
site-fact-target = Target
site-fact-unit = Unit
site-fact-change = Change since the period before
site-fact-report-cards = Report cards
site-change = { $change }: { $verdict }
site-change-better = the better way
site-change-none = no change
site-change-worse = the worse way
site-the-curve = The curve
site-latest = { $value } ({ $period })
site-latest-none = no values recorded yet
site-target = { $value } by { $period }
site-target-none = none set
site-cards-none = none

## The recommendations.
site-recommendations-title = Recommendations and the Cabinet's responses
site-recommendations-caption = Every recommendation's response and progress
site-column-recommendation = Recommendation
site-column-response = Response
site-column-done = Done
site-no-recommendations = The plan records no recommendation.
site-fact-response = Response
site-fact-owner = Owner
site-fact-progress = Progress
site-progress = { $tasks ->
    [one] { $tasks } task
   *[other] { $tasks } tasks
}, { $done } done, { $overdue } overdue
site-the-response = The response
site-delivered-by = Delivered by
site-delivered-by-none = No action of the plan delivers it.
