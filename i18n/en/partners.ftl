# The partners' update round: the return sheet `plan requests` writes (its
# headings, drop-down and checks) and the message that goes with it.
# `plan apply` reads a return's headings and "No change" in each language,
# so a heading changed here is a heading `plan apply` looks for.

## The return sheet: its tab, and the heading of each column.
partners-sheet-name = Return
partners-col-id = Id
partners-col-task = Task
partners-col-due = Due
partners-col-deadline = Deadline
partners-col-state = State
partners-col-rag = Current RAG
partners-col-note = Last note
partners-col-note-day = Note written
partners-col-new-rag = New RAG
partners-col-progress = Progress note
partners-col-done-on = Done on
partners-col-fingerprint = Fingerprint

## The drop-down of New RAG: the RAG words (words.ftl), and this.
partners-no-change = No change

## The checks Excel and LibreOffice make as a partner types.
partners-not-a-rag-title = Not a RAG status
partners-not-a-rag = Pick red, amber, green, blue or No change from the list.
partners-too-long-title = Too long
partners-too-long = A progress note is at most 2,000 characters.

## The workbook's properties.
partners-workbook-subject = Update request for { $agency } ({ $id })

## A plan text with no translation into the reader's language, marked so.
partners-only-cy = (in Welsh only)
partners-only-en = (in English only)

## The message.
partners-subject = { $plan }: your update for { $agency } by { $reply_by }
partners-dear = Dear { $name },
partners-counts = { $agency } leads { $count ->
    [one] { $count } open task
   *[other] { $count } open tasks
} of { $plan } (as of { $as_of }): { $overdue } overdue, { $stale } not reviewed lately, { $soon } due soon.
partners-overdue = Overdue
partners-not-reviewed = Not reviewed lately
partners-due-overdue = due { $deadline }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue
partners-last-reviewed = last reviewed { $day }
partners-never-reviewed = never reviewed
partners-open = open
partners-last-note-on = last note ({ $day }): { $note }
partners-last-note = last note: { $note }
partners-no-note = no note yet
partners-what-to-do = What to do: open the attached sheet { $sheet }. For each task that moved, pick a New RAG (red, amber, green, or blue when it is complete), write a Progress note (what happened, what is next; at most 2,000 characters) and, when it is complete, the day in Done on. For a task you reviewed where nothing moved, pick No change. Leave the other columns as they are. Save it and send it back by { $reply_by }.
partners-thanks = Thank you,
