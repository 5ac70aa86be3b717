-- Scoring-model dimensions are named in Chinese and English (a JSON object {"zh": …, "en": …}; a plain string still
-- reads as both). The shipped presets already stored keep their versions and runs, and their dimensions get both
-- names, as the presets installed from now on have them: a display name only, no weight or rule changes.
UPDATE scoring_model_version SET definition = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(definition,
           '{"name":"Value","weight":', '{"name":{"zh":"价值","en":"Value"},"weight":'),
           '{"name":"Potential","weight":', '{"name":{"zh":"潜力","en":"Potential"},"weight":'),
           '{"name":"Loyalty","weight":', '{"name":{"zh":"忠诚度","en":"Loyalty"},"weight":'),
           '{"name":"Recency","weight":', '{"name":{"zh":"最近购买","en":"Recency"},"weight":'),
           '{"name":"Frequency","weight":', '{"name":{"zh":"购买频次","en":"Frequency"},"weight":'),
           '{"name":"Monetary","weight":', '{"name":{"zh":"消费金额","en":"Monetary"},"weight":'),
           '{"name":"Industry potential","weight":', '{"name":{"zh":"行业潜力","en":"Industry potential"},"weight":')
 WHERE model_id IN (SELECT id FROM scoring_model WHERE name IN ('Value 50 · Potential 30 · Loyalty 20', 'RFM scorecard'));
