import pytest

from pledge.register.tests.factories import NOW


@pytest.fixture
def frozen_clock(time_machine):
    """Today is Monday 2 November 2026 (Europe/London) and the clock does not move."""
    time_machine.move_to(NOW, tick=False)
    return NOW
