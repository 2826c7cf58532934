"""Sample letters about fictional councils, shipped with the app (installed as ``reviewer.samples``)."""
