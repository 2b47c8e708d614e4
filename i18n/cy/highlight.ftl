# Yr Adroddiad Uchafbwyntiau (plan report): ei adrannau, ei ffeithiau a’i frawddegau.
