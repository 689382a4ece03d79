/** Learning circuits, starting with the synfire-gated backprop circuit and its functional model. */
module org.synfire.circuits {
    requires org.synfire.chip.api;
    requires com.google.guice;
}
