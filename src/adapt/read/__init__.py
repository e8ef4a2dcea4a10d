"""Reading: input bytes → clean text → the prose grammar's tree → story beats."""
