from claimcheck.core.origins import Appearance, Origin, origins


def test_one_wire_story_relayed_three_times_is_one_origin() -> None:
    wire = [
        Appearance(("Xinhua",), (), "Daily One"),
        Appearance(("Xinhua",), (), "Daily Two"),
        Appearance(("xinhua ",), ("Reuters",), "Daily Three"),
    ]
    independent = [Appearance(("Associated Press",), (), "Evening Post")]
    assert origins([wire[:1], wire[1:2], wire[2:], independent]) == (
        Origin("Xinhua", ("Daily One", "Daily Two", "Reuters", "Daily Three")),
        Origin("Associated Press", ("Evening Post",)),
    )


def test_copies_naming_no_source_collapse_into_the_earliest_appearance() -> None:
    group = [
        Appearance((), (), "Wire Service"),
        Appearance((), (), "Copy Shop"),
        Appearance((), ("Aggregator",), "Second Copy"),
    ]
    assert origins([group]) == (Origin("Wire Service", ("Copy Shop", "Aggregator", "Second Copy")),)


def test_a_relayed_story_with_no_named_speaker_starts_at_the_nearest_relay() -> None:
    assert origins([[Appearance((), ("SCMP",), "Local Paper")]]) == (
        Origin("SCMP", ("Local Paper",)),
    )


def test_a_linked_source_is_an_origin_of_its_own_and_nothing_is_an_origin() -> None:
    assert origins([[Appearance(("WHO",))], []]) == (Origin("WHO", ()),)
