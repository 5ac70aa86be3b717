-- A scoring model is named in Chinese and English, as its definition names it ({"zh": …, "en": …}). Models are
-- looked up by their name in either language: a name is unique in its language, and the application refuses a name
-- that another model has in the other language. Names given so far read as both; the presets get their Chinese names.
ALTER TABLE scoring_model ADD COLUMN name_zh VARCHAR(100);
ALTER TABLE scoring_model ADD COLUMN name_en VARCHAR(100);
UPDATE scoring_model SET name_zh = name, name_en = name;
UPDATE scoring_model SET name_zh = '价值 50 · 潜力 30 · 忠诚度 20' WHERE name = 'Value 50 · Potential 30 · Loyalty 20';
UPDATE scoring_model SET name_zh = 'RFM 评分卡' WHERE name = 'RFM scorecard';
UPDATE scoring_model SET name_zh = '简单规则' WHERE name = 'Simple rules';
ALTER TABLE scoring_model DROP CONSTRAINT scoring_model_name_unique;
ALTER TABLE scoring_model DROP COLUMN name;
ALTER TABLE scoring_model ADD CONSTRAINT scoring_model_name_zh_unique UNIQUE (name_zh);
ALTER TABLE scoring_model ADD CONSTRAINT scoring_model_name_en_unique UNIQUE (name_en);
ALTER TABLE scoring_model ADD CONSTRAINT scoring_model_named CHECK (name_zh IS NOT NULL OR name_en IS NOT NULL);
