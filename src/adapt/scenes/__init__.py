"""Where and when: places, times of day, scene headings."""
