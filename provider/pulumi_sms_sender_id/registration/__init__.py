"""Everything the `Registration` resource knows about a sender-ID registration (AWS's registration API).

What each input is and what a change to it does (`properties`, `schema`, `rules`, `validation`, `diff`);
the form AWS defines for a registration type and what it accepts (`definitions`, `field_rules`); what a
status means and when AWS's review forbids a change (`statuses`, `review`); the AWS calls (`registrations`,
`attachments`, `files`, `values`, `convergence`, `reading`); what the user reads back (`outputs`,
`errors`); what a `SenderId` naming its registration does (`sender_id`); and the resource and its
provider (`resource`, `provider`: the engine unpickles
`pulumi_sms_sender_id.registration.provider.RegistrationProvider` from stack state, so it never moves).
"""
