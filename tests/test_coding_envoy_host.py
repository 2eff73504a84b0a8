"""An envoy posted in a named capital or country stands for that host as the target: recalling "its
ambassadors in Madrid" acts on Spain (sentences written for these tests)."""

from __future__ import annotations

from coding_helpers import gazetteer_triples


def test_coding_envoy_host_recalled_ambassadors_target_their_host():
    text = "Marruecos respondió llamando a consultas a su embajadora en Madrid."
    assert ("161", "MAR", "ESP") in gazetteer_triples("es", text)


def test_coding_envoy_host_an_envoy_with_no_post_named_stays_a_role():
    got = gazetteer_triples("es", "Marruecos respondió llamando a consultas a su embajadora.")
    assert all(t != "ESP" for _, _, t in got)
