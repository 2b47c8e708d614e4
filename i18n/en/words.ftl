# The plan's fixed words in the reports: RAG statuses, a task's states,
# responses to recommendations, counts and the months.
# A message's id never changes; its text may.

## RAG statuses, as a table shows them.
rag-red = red
rag-amber = amber
rag-green = green
rag-blue = blue
not-rated = not rated

## A task's state on the as-of day.
state-overdue = overdue
state-stale = stale
state-waiting = waiting
state-open = open
state-done = done
state-on-hold = on-hold

## A response to a recommendation.
response-accepted = accepted
response-partially-accepted = partially accepted
response-not-accepted = not accepted
response-noted = noted
# The same, as a table's cell.
response-cell-accepted = accepted
response-cell-partially-accepted = partially-accepted
response-cell-not-accepted = not-accepted
response-cell-noted = noted

## Yes and no, as an answer in a table.
answer-yes = yes
answer-no = no

## Counts.
count-tasks = { $count ->
    [one] { $count } task
   *[other] { $count } tasks
}

## A roll-up resting on under half of the tasks: "green (2 of 19 rated)".
rollup-thin = { $rag } ({ $rated } of { $total } rated)
# How many of some tasks are rated: "17 of 19 tasks rated".
rated-basis = { $rated } of { $total ->
    [one] { $total } task
   *[other] { $total } tasks
} rated
# "rated green, 61 days overdue"
rated-but-overdue = rated { $rag }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue

## A day in words: "31 March 2013".
day-in-words = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## After a text of the plan that has no translation into the report's
## language, shown as written in the plan's first language.
only-in-cy = (in Welsh only)
only-in-en = (in English only)
