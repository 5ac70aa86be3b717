-- How to reach a person outside the console: an email address (optional; unique whatever its case, which each
-- database enforces in its own V118_1) and the language they read (zh-CN or en), which their emails are worded in.
-- And whether the person must choose a new password at their next console sign-in: set when an administrator
-- creates the account or resets its password, cleared when the person changes it.
ALTER TABLE user_account ADD COLUMN email VARCHAR(254);
ALTER TABLE user_account ADD COLUMN language VARCHAR(16) DEFAULT 'zh-CN' NOT NULL;
ALTER TABLE user_account ADD CONSTRAINT user_account_language_check CHECK (language IN ('zh-CN', 'en'));
ALTER TABLE user_account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
