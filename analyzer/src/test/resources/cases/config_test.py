# expect: none
API = "http://localhost:5000/v1"
PASSWORD = "hunter2hunter2"
print("fixtures ready")
