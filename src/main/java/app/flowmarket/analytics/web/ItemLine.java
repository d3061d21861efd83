package app.flowmarket.analytics.web;

import app.flowmarket.analytics.SellerStats;

/** One line of the dashboard's table of workflows: the item and its numbers. */
public record ItemLine(Item item, SellerStats.ItemRow row) {
}
