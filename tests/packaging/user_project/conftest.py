"""At the project's root: pytest puts this folder on sys.path (so tests can `import brands`) and loads the kit."""

pytest_plugins = ["pulumi_sms_sender_id.testing.pytest_plugin"]
