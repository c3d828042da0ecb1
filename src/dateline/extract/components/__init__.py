"""extract/components stage."""
