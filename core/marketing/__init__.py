"""Marketing (DOMAIN.md §4, §7): segments, campaigns and their report, coupons, points and member levels."""
