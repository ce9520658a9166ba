// expect: satd.todo@5 satd.todo@6 satd.admission@7 satd.todo@9 structure.commented-out-code@12
package shop;

class Comments {
    // FIXME: this breaks when the cart is empty
    // HACK: temporary workaround until the upstream API is fixed
    // this is a temporary workaround until the payment API is fixed, remove it
    // Sums the line items of the cart.
    /* XXX ugly kludge, needs to be rewritten
       properly */
    int total() {
        // int a = compute();
        // int b = a + 1;
        // if (b > 2) {
        //     return b;
        // }
        // return a;
        return 0; // debtwatch:ignore satd.todo TODO not reported because ignored
    }
}
