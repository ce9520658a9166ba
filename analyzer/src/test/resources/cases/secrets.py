# expect: security.token@2 security.token@3 security.credential-assignment@6
GITHUB = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
password = "<password>"
secret = "${SECRET}"
db_password = "Tr0ub4dor&3x"
