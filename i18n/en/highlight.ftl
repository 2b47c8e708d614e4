# The Highlight Report (plan report): its sections, facts and sentences.

## The title and the opening lines.
# "<plan title>: Highlight Report, <quarter>"
report-title = : Highlight Report,{" "}
quarter-label = Q{ $n } { $years }
quarter-span = The quarter { $from } to { $to }, as of { $day }.
headline-figures = Headline figures
fact-tasks = Tasks
fact-on-track = On track
fact-rated = Rated
completed-this-quarter = Completed this quarter
became-overdue-this-quarter = Became overdue this quarter
fact-overdue-now = Overdue now
fact-not-reviewed = Ongoing, not reviewed
fact-waiting = Waiting for another task or an event
heading-red = Red
heading-amber = Amber
heading-green = Green
heading-blue = Blue
heading-not-rated = Not rated
heading-total = Total
recommendations-summary = Recommendations: { $all } in all, { $accepted } accepted (or partially), { $tracked } of them with actions that deliver them.

## Where the previous quarter's RAG came from.
history-commit = The previous quarter's RAG is the plan as committed on { $day } ({ $id }).
history-not-in-git = No history: the plan is not in a git repository, so the previous quarter's RAG is not known.
history-no-commit-before = No history: no commit of the plan from before { $day }.
history-had-errors = No history: the plan as committed on { $day } ({ $id }) had { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, so the previous quarter's RAG is not compared; `plan diff` on that commit says more.
history-no-git = No history: git is not installed, so the previous quarter's RAG is not known.
history-git-failed = No history: git could not read the plan's history, so the previous quarter's RAG is not known: { $said }

## Not updated this quarter.
not-updated = Not updated this quarter
heading-who = Who
heading-score = Score
heading-days-since-update = Days since last update
quiet-card = card { $who }
not-updated-none = Every agency and card scores at least { $threshold }.
score-means = Score: the mean of the shares of open tasks rated, reviewed within { $days ->
    [one] { $days } day
   *[other] { $days } days
} and given a progress note in the last 3 months (0 to 100); listed below { $threshold }.

## A report card's part.
fact-outcomes = Outcomes
fact-since-previous-quarter = Since the end of the previous quarter
fact-sponsor = Sponsor
fact-sponsors = Sponsors of its priorities and actions
change-no-history = no history
change-none = no change
change-better = better (was { $was })
change-worse = worse (was { $was })
change-was = was { $was }
heading-task = Task
heading-what = What
heading-leads = Leads
heading-done = Done
heading-days-overdue = Days overdue
heading-rated-yet-overdue = Rated, yet overdue
heading-rag = RAG
heading-note = Note
completed-none = No task was completed this quarter.
became-overdue-none = No task became overdue this quarter.
still-overdue = Still overdue from earlier quarters
still-overdue-none = No task is overdue from an earlier quarter.
rated-but-overdue-heading = Rated on track but overdue
red-and-amber = Red and amber tasks
red-and-amber-none = No task is red or amber.
# "slipped 61 days (2 revisions)"
slipped = slipped { $days ->
    [one] { $days } day
   *[other] { $days } days
}{ $revisions ->
    [0] {""}
    [one] {" "}({ $revisions } revision)
   *[other] {" "}({ $revisions } revisions)
}
on-hold = On hold
heading-reason = Reason
heading-on-hold-since = On hold since
heading-days = Days
dropped = Withdrawn or carried forward
heading-status = Status
heading-since = Since
heading-carried-to = Carried to
status-active = active
status-on-hold = on-hold
status-withdrawn = withdrawn
status-carried-forward = carried-forward

## Turning the curve: a measure's chart and its line of text.
turning-the-curve = Turning the curve
higher-is-better = higher is better
lower-is-better = lower is better
no-values-yet = no values recorded yet
no-values-recorded = No values recorded yet
chart-target = target
measure-target = ; target { $value } by { $period }

## Recommendations.
part-recommendations = Recommendations
heading-id = Id
heading-recommendation = Recommendation
heading-response = Response
heading-tasks = Tasks
heading-overdue = Overdue
no-recommendation = The plan records no recommendation.

## The Word document's footer: "Page 3 of 12".
footer-page = Page
footer-of = of
