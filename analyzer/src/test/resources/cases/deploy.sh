# expect: satd.todo@3 config.connection-string@4
#!/bin/sh
# TODO pin the image version
export DATABASE_URL=postgres://admin@db.prod:5432/app
echo done
