"""`python -m pulumi_sms_sender_id.testing PROJECT_DIR --stack STACK [--config KEY=VALUE] [--json]`."""

import sys

from .cli import main

sys.exit(main())
