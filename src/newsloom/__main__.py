from newsloom.cli import app

app()
