-- Briefer schema 14: what a briefing needs of letters and ministry answers, and how the type was
-- found. kenmerk: the sender's reference ("Ons kenmerk"); tk_reference: the Tweede Kamer's zaak
-- number the document answers ("2024Z11859"); addressee and signed_by: the letter's "Aan" and its
-- signature; type_confidence: how sure the type detection was (0–1, NULL for older imports);
-- type_chosen: 1 when the user chose the type (import --type, reparse).
ALTER TABLE documents ADD COLUMN kenmerk TEXT;
ALTER TABLE documents ADD COLUMN tk_reference TEXT;
ALTER TABLE documents ADD COLUMN addressee TEXT;
ALTER TABLE documents ADD COLUMN signed_by TEXT;
ALTER TABLE documents ADD COLUMN type_confidence REAL;
ALTER TABLE documents ADD COLUMN type_chosen INTEGER NOT NULL DEFAULT 0;
