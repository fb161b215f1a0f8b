"""Prints a SAM template transformed to plain CloudFormation, as JSON.

Uses the SAM translator that ships with cfn-lint, through cfn-lint's own
transform (local CodeUri values, its bundled managed-policy map), so no call
leaves the machine. Usage: python3 sam-transform.py template.yaml
"""

import json
import logging
import sys

from cfnlint.decode import decode
from cfnlint.template.transforms._sam import Transform

logging.disable(logging.CRITICAL)


def main(path: str) -> int:
    template, matches = decode(path)
    if matches or template is None:
        for match in matches:
            print(match, file=sys.stderr)
        return 2
    transform = Transform(path, template, "us-east-1")
    errors = transform.transform_template()
    if errors:
        for error in errors:
            print(error.message, file=sys.stderr)
        return 1
    json.dump(transform.template(), sys.stdout, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
