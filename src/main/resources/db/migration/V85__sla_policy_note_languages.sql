-- A policy version's note in Chinese and in English. Either may be empty; the console then shows the other.
-- Notes written so far keep their text as the Chinese note (the console's default language), so that every
-- reader still sees them; the shipped default matrix is labelled in both.
ALTER TABLE sla_policy_version RENAME COLUMN note TO note_zh;
ALTER TABLE sla_policy_version ADD COLUMN note_en VARCHAR(500) NOT NULL DEFAULT '';
UPDATE sla_policy_version SET note_zh = '出厂默认矩阵', note_en = 'Shipped default matrix'
 WHERE version = 1 AND created_by = 'system' AND note_zh = 'Shipped default matrix';
