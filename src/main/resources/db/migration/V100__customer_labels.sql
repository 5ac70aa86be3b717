-- What the console shows for the industry and tag codes customers carry: a Chinese and an English label, either of
-- which may be missing (the other is shown, then the code itself). Customers, imports and the API keep the codes.
CREATE TABLE customer_label (
    kind       VARCHAR(16)  NOT NULL,
    code       VARCHAR(64)  NOT NULL,
    label_zh   VARCHAR(100),
    label_en   VARCHAR(100),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64)  NOT NULL,
    PRIMARY KEY (kind, code),
    CONSTRAINT customer_label_kind CHECK (kind IN ('INDUSTRY', 'TAG')),
    CONSTRAINT customer_label_named CHECK (label_zh IS NOT NULL OR label_en IS NOT NULL)
);

-- The industries and tags of the demo data, and common ones of e-commerce shops.
INSERT INTO customer_label (kind, code, label_zh, label_en, updated_at, updated_by) VALUES
    ('INDUSTRY', 'retail',        '零售',     'Retail',              CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'electronics',   '电子产品', 'Electronics',         CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'apparel',       '服装',     'Apparel',             CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'food',          '食品',     'Food',                CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'manufacturing', '制造业',   'Manufacturing',       CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'software',      '软件',     'Software',            CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'logistics',     '物流',     'Logistics',           CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'healthcare',    '医疗健康', 'Healthcare',          CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'education',     '教育',     'Education',           CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'cosmetics',     '美妆',     'Cosmetics',           CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'home-appliances', '家用电器', 'Home appliances',   CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'furniture',     '家居',     'Furniture',           CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'mother-baby',   '母婴',     'Mother and baby',     CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'sports',        '运动户外', 'Sports and outdoors', CURRENT_TIMESTAMP, 'system'),
    ('INDUSTRY', 'books',         '图书',     'Books',               CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'newsletter',          '订阅资讯', 'Newsletter',          CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'wechat-follower',     '微信粉丝', 'WeChat follower',     CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'app-user',            'App 用户', 'App user',            CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'promotion-sensitive', '促销敏感', 'Promotion-sensitive', CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'gift-buyer',          '礼品买家', 'Gift buyer',          CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'early-adopter',       '尝鲜用户', 'Early adopter',       CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'bulk-buyer',          '批量采购', 'Bulk buyer',          CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'price-sensitive',     '价格敏感', 'Price-sensitive',     CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'member',              '会员',     'Member',              CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'live-stream-buyer',   '直播购物', 'Live-stream buyer',   CURRENT_TIMESTAMP, 'system'),
    ('TAG', 'high-return',         '高退货',   'Frequent returns',    CURRENT_TIMESTAMP, 'system');
