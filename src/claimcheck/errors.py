"""The one exception every layer raises for a failed operation a user can act on."""


class ClaimcheckError(Exception):
    """Its message is one sentence that says what failed and what to do."""
