"""Knowledge read out of the text itself: mentions, quotations, roles and events, with offsets and confidence."""
