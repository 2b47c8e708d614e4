# The terminal reports: overdue, due, rag, agency, agencies, tasks, recs,
# measures and show. Their columns, titles and sentences.

## "<plan title>: <what> as of <day>"
report-heading = { $plan }: { $what } as of { $day }
filter-lead = lead: { $who }
filter-card = card: { $who }
filter-rag = rag: { $who }
filter-state = state: { $who }

## The columns of a task row.
column-id = Id
column-task = Task
column-leads = Leads
column-due = Due
column-deadline = Deadline
column-state = State
column-days-overdue = Days overdue
column-rag = RAG
column-last-note = Last note
column-last-review = Last review
column-reason = Reason
column-on-hold-since = On hold since
column-days-on-hold = Days on hold
column-done = Done
column-review-due = Review due
column-days-left = Days left

# "Dec 2012 (first Oct 2012; slipped 61 days)"
due-slipped = { $due } (first { $first }; slipped { $days ->
    [one] { $days } day
   *[other] { $days } days
})

## plan overdue
overdue-what = overdue tasks
overdue-what-original = overdue tasks against their original targets
overdue-title = Overdue ({ $count })
overdue-none = No task is overdue.
stale-title = Stale: ongoing, not reviewed for over { $days ->
    [one] { $days } day
   *[other] { $days } days
} ({ $count })
stale-none = No ongoing task is stale.
waiting-title = Waiting for another task to be done or an event ({ $count })
waiting-none = No task is waiting.
never-reviewed = never reviewed
on-hold-title = On hold ({ $count })
review-due-title = Review due: done, review date passed ({ $count })
state-review-due = review-due
rated-but-overdue-note = Rated on track but overdue: { $tasks }.
rated-but-overdue-note-more = Rated on track but overdue: { $tasks }; and { $more ->
    [one] { $more } more task
   *[other] { $more } more tasks
} (`plan tasks --state overdue --rag green`, and `--rag amber`, list them).

## plan due
due-what = tasks due within { $days ->
    [one] { $days } day
   *[other] { $days } days
} (by { $day })
due-none = Nothing falls due by { $day }.

## plan tasks
tasks-none = No task matches.

## plan agencies
agencies-what = agencies
column-name = Name
column-kind = Kind
column-part-of = Part of
column-tasks = Tasks
column-overdue = Overdue
column-red = Red
column-not-rated = Not rated
column-rated = Rated
column-reviewed = Reviewed
column-noted = Noted
column-days-quiet = Days quiet
column-score = Score
agencies-none = The plan declares no agency.
agencies-note-parts = An agency's tasks include those of the agencies part of it; an organisation's include those led by "all".
agencies-note-score = Of its open tasks: Rated = share with a RAG status, Reviewed = share updated within review_days, Noted = share with a progress note in the last 3 months; Score = the mean of the three, 0-100.
kind-organisation = organisation
kind-team = team
kind-person = person
kind-role = role

## plan agency
agency-what = tasks of { $id } ({ $name })
agency-what-parts = {" "}and of { $parts }
agency-counts = { $tasks ->
    [one] { $tasks } task
   *[other] { $tasks } tasks
}: { $overdue } overdue, { $red } red, { $unrated } not rated.
agency-leads-none = { $id } leads no task.
agency-sponsor-of = { $id } is the sponsor of: { $what }.

## plan rag
rag-by-card = RAG by card
rag-by-priority = RAG by priority
rag-by-agency = RAG by agency
column-amber = Amber
column-green = Green
column-blue = Blue
column-total = Total
column-on-track = On track
no-lead-yet = No lead yet
rag-note-on-track = On track = (green + blue) / rated tasks; a roll-up resting on under half of its tasks says so.
rag-note-agency = A task counts for each of its leads, and for the agencies they are part of, so the rows add up to more than the total.

## plan recs
recs-what = recommendations
column-recommendation = Recommendation
column-response = Response
column-owner = Owner
column-actions = Actions
recs-none = The plan records no recommendation.
recs-counts = { $count } recommendations: { $counts }.

## plan measures
measures-what = measures
column-measure = Measure
column-better = Better
column-latest = Latest
column-value = Value
column-change = Change
column-better-way = Better way?
column-curve = Curve
column-target = Target
column-cards = Cards
measures-none = The plan defines no measure.
better-higher = higher
better-lower = lower
target-by = { $value } by { $period }
measures-note = Change is the latest value less the one before; better way says whether it moved the way the measure wants.

## plan show
show-task = task
show-action = action
show-priority = priority
show-card = report card
show-recommendation = recommendation
show-measure = measure
show-agency = agency
column-field = Field

## plan show: the fields of the thing shown.
field-action = Action
field-actions = Actions
field-agency = Agency
field-aliases = Aliases
field-area = Area
field-better = Better
field-cabinet-response = Cabinet response
field-card = Card
field-cards = Cards
field-challenges = Challenges
field-days-overdue = Days overdue
field-deadline = Deadline
field-done = Done
field-due = Due
field-kind = Kind
field-last-review = Last review
field-lead-names = Lead names
field-leads = Leads
field-main-actions = Main actions
field-measure = Measure
field-measures = Measures
field-name = Name
field-note = Note
field-outcomes = Outcomes
field-owner = Owner
field-part-of = Part of
field-priority = Priority
field-rag = RAG
field-rated = Rated
field-read-as = Read as
field-recommendation = Recommendation
field-ref = Ref
field-resources = Resources
field-response = Response
field-review-due = Review due
field-sponsor = Sponsor
field-sponsor-of = Sponsor of
field-state = State
field-status = Status
field-story-behind-the-curve = Story behind the curve
field-target = Target
field-target-history = Target history
field-task = Task
field-tasks = Tasks
field-text = Text
field-title = Title
field-unit = Unit
field-updates = Updates
field-values = Values
field-we-will = We will
lead-unassigned = { $word } (no lead yet)
lead-all = every partner organisation

## plan show: how a target date was read.
read-not-yet-known = not yet known
read-unset = no target date yet
read-ongoing = ongoing: never overdue, stale when not reviewed
read-ongoing-from = ongoing from { $from }
read-due-by = due by { $to }
read-span-due-by = { $from } to { $to }: due by { $to }
read-due-by-then-ongoing = due by { $to }, then ongoing
read-recurring = recurring; the occurrence judged: { $day }
read-after-task = { $span } after { $first } is done: due by { $day }
read-after-event = { $span } after the event { $event } ({ $title }): due by { $day }
read-after-event-undated = { $span } after the event { $event } ({ $title }), which has no date yet

## plan show: a task's history.
status-line-on-hold = on hold
status-line-withdrawn = withdrawn
status-line-carried-forward = carried forward
status-line-since = {" "}since { $day }
status-line-to = {" "}(to { $to })
target-first-due = first due { $first }
target-revised = ; revised { $times ->
    [one] once
   *[other] { $times } times
}
target-slipped = ; slipped { $days ->
    [one] { $days } day
   *[other] { $days } days
}
update-undated = undated
# A history entry that corrects a target (plan set --due --correct): no review.
update-kind-correction = correction
