import pytest

from casus.analysis import EventFilter
from casus.coding.stage import make_stage
from casus.errors import ConfigError
from casus.options import Options, check_min_confidence


def test_min_confidence_within_range_is_returned_unchanged():
    assert check_min_confidence(None) is None
    assert check_min_confidence(0.0) == 0.0
    assert check_min_confidence(0.7) == 0.7
    assert check_min_confidence(1.0) == 1.0


@pytest.mark.parametrize("value", [-0.1, 1.5, 70.0])
def test_min_confidence_out_of_range_is_one_clear_error(value):
    with pytest.raises(ConfigError, match=rf"minimum confidence {value}: must lie between 0 and 1"):
        check_min_confidence(value)


def test_coding_stage_and_event_filter_share_the_check():
    with pytest.raises(ConfigError, match="minimum confidence 1.2"):
        make_stage(Options(min_confidence=1.2))
    with pytest.raises(ConfigError, match="minimum confidence -0.5"):
        EventFilter(min_confidence=-0.5).validate()
    assert EventFilter(min_confidence=0.5).validate().min_confidence == 0.5
