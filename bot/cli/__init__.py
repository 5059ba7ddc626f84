"""The command line: `bot export|risks|alerts|sites|purge` and the terminal chat."""
