"""The shared AWS plumbing every resource of the package uses.

One path for every call (`calls`), pacing under AWS's request quotas (`pacing`, `notices`), clients (`client`),
and the facts and settings calls depend on (`regions`, `countries`, `settings`). Nothing here knows what a
sender ID or a registration is.
"""
