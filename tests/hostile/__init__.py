"""The hostile test bed: pages, servers and local faults that attack a harvest (issue 7)."""
