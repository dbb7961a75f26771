"""One module per view: the timeline, the parties and the arguments."""
