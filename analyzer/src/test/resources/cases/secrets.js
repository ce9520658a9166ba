// expect: security.token@2 security.credential-assignment@3
const slack = 'xoxb-123456789012-abcdefghijklmnop';
const config = { password: 'pa55word-live-9' };
const placeholder = { password: 'changeme' };
