// expect: security.token@4 security.token@5
package store

const token = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
var apiKey = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"
var name = "a perfectly ordinary value"
