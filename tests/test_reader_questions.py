"""The four questions a new reader must be able to answer from the bundled store, asked the way a reader would."""

from __future__ import annotations

from apptools import BUNDLED, detail_text, options_text, palette, press, running, view


async def test_what_happened_on_9_january_2021():
    async with running(BUNDLED) as (app, pilot):
        timeline = view(app, "timeline").list_pane
        lines = options_text(timeline)
        that_day = [line.split(None, 2)[2] for line in lines if line.startswith("2021-01-09")]
        assert len(that_day) == 4
        assert any("AWS tells Parler it will suspend Parler's account" in line for line in that_day)
        while timeline.highlighted_id != "aws-suspension-notice":
            await press(pilot, "j")
        text = detail_text(app)
        assert "AWS tells Parler it will suspend Parler's account" in text
        assert "Over the past several weeks, we've reported 98 examples" in text


async def test_what_aws_answered_to_the_comparison_with_twitter():
    async with running(BUNDLED) as (app, pilot):
        await press(pilot, "3")
        topics = view(app).list_pane
        while topics.highlighted_id != "twitter-comparison":
            await press(pilot, "j")
        debate = view(app).detail_pane
        [row] = [row for row in debate.query(".row") if "headings" not in row.classes]
        aws = row.query_one(".cell.side-aws")
        text = "\n".join(str(card.content) for card in aws.query(".card"))
        assert "AWS does not host Twitter's feed" in text
        assert "could not have suspended access to Twitter's content" in text


async def test_what_the_court_said_about_the_sherman_act_claim():
    async with running(BUNDLED) as (app, pilot):
        await press(pilot, "3")
        assert view(app).list_pane.highlighted_id == "sherman-act"
        debate = view(app).detail_pane
        court = debate.query_one(".cell.findings.side-court")
        text = "\n".join(str(card.content) for card in court.query(".card"))
        assert "U.S. District Court" in text
        assert "Sherman" in detail_text(app)
        assert "no evidence" in detail_text(app)


async def test_which_quotes_are_john_matzes():
    async with running(BUNDLED) as (app, pilot):
        await palette(pilot, "party", "matze")
        assert view(app).view_id == "parties" and view(app).list_pane.highlighted_id == "john-matze"
        text = detail_text(app)
        assert "Quotes (3)" in text
        for words in [
            "get back online as quickly as possible",
            "On January 29, 2021, the Parler board",
            "a desire to deny President Trump a platform",
        ]:
            assert words in text
