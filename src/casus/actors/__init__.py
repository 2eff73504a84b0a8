"""casus.actors: who acts. A multilingual gazetteer of countries, capitals, seats of power, demonyms,
international organisations, armed groups, role nouns and dated office holders, matched per sentence
(`gazetteer`), composed into the longest actor mentions (`compose`), with light in-document coreference.
The pipeline stage is `casus.actors.stage`."""
