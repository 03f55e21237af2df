"""Everything the `SenderId` resource knows about a sender ID.

What each input is and how a change to it is applied (`properties`, `schema`, `rules`), what `check` refuses
(`validation`, `guards`, `declarations`), what a change does (`diff`), the calls that lease, find, tag and
release one (`leasing`, `sender_ids`, `releases`), and what the user reads back (`outputs`, `errors`).
`provider.py` and `resource.py` stay at the package root: stack states pickle the provider by that path.
"""
