package io.github.promjaxrs.examples.orders;

/** One line of an order: an item and how many of it. */
record OrderLine(String item, int quantity) {

    String describe() {
        return quantity + " x " + item;
    }
}
