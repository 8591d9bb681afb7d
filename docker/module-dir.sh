# Sourced by the docker scripts: where a module lives in the repository. The product's verticles
# are under verticles/, the local stand-ins for MongoDB and Stripe under standins/.
module_dir() { case "$1" in mongo-wire|stripe-sandbox) printf 'standins/%s' "$1" ;; *) printf 'verticles/%s' "$1" ;; esac; }
