"""Names in a bulletin: organizations (`organizations`, by their heads and the ladder), persons and their
titles (`persons`), places (`places` over the `gazetteer`), and one resolver (`resolution`) that keeps the
longest candidate where they overlap and links a short mention to the full name it abbreviates."""
