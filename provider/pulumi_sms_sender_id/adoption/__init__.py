"""The account tools: what an account already holds, and how to bring it under Pulumi.

`inventory` lists an account's sender IDs, `lookup` serves that list to programs (`get_sender_ids`), and
`adoption` writes the program that adopts them (`python -m pulumi_sms_sender_id adopt`).
"""
